package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlainCharsParser} against Jackson's own parser over the same characters: where the plain
 * parser reads a document, it gives the same tokens, texts and numbers; everything else it gives
 * up. The generated documents draw from one seeded {@link Random} ({@code -Dplain.seed=...} replays
 * a run).
 */
class PlainCharsParserTest {

  private static final long SEED = Long.getLong("plain.seed", System.nanoTime());

  private static final CodecLimits LIMITS = CodecLimits.defaults().withMaxNestingDepth(10);

  private static final JsonFactory JACKSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(LIMITS.maxNestingDepth())
                  .maxStringLength(LIMITS.maxStringLength())
                  .build())
          .build();

  private static final String GIVEN_UP = "given up";

  private final Random random = new Random(SEED);

  @Test
  void readsGeneratedDocumentsAsJacksonDoesOrGivesUp() throws IOException {
    int read = 0;
    int givenUp = 0;

    for (int i = 0; i < 20_000; i++) {
      String document = document();
      if (random.nextInt(3) == 0) {
        document = mutated(document);
      }
      List<String> plain = plainTokens(document);
      if (plain.get(0).equals(GIVEN_UP)) {
        givenUp++;
        continue;
      }
      read++;
      assertThat(plain).as("%s (seed %d)", document, SEED).isEqualTo(jacksonTokens(document));
    }

    assertThat(read).as("documents read (seed %d)", SEED).isGreaterThan(5_000);
    assertThat(givenUp).as("documents given up (seed %d)", SEED).isGreaterThan(1_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "{\"a\":1,}",
        "[1,]",
        "[,1]",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\" 1}",
        "[1 2]",
        "{} {}",
        "{}x",
        "[01]",
        "[-]",
        "[1.]",
        "[.5]",
        "[1e]",
        "[+1]",
        "[1234567890123456789]",
        "[tru]",
        "[truex]",
        "[nul]",
        "[NaN]",
        "[\"a\\\"b\"]",
        "[\"tab\there\"]",
        "['a']",
        "{a:1}",
        "[1]\u000b",
        "/* */ {}",
        "[[[[[[[[[[[1]]]]]]]]]]]"
      })
  void givesUpWhatIsNotPlain(String document) {
    assertThatThrownBy(() -> drain(document)).isSameAs(PlainCharsParser.GIVE_UP);
  }

  @Test
  void sharesTheStringsOfEqualKeys() throws IOException {
    KeyCache keys = new KeyCache();
    char[] one = "{\"recall\": 1}".toCharArray();
    char[] two = " {\"recall\": 2}".toCharArray();

    String first = firstKey(one, keys);
    String second = firstKey(two, keys);

    assertThat(second).isEqualTo("recall").isSameAs(first);
  }

  private static String firstKey(char[] text, KeyCache keys) throws IOException {
    PlainCharsParser parser = new PlainCharsParser(text, 0, text.length, LIMITS, keys);
    parser.nextToken();
    parser.nextToken();
    return parser.currentName();
  }

  private static void drain(String document) throws IOException {
    char[] text = ("<" + document + ">").toCharArray();
    PlainCharsParser parser =
        new PlainCharsParser(text, 1, text.length - 2, LIMITS, new KeyCache());
    for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
      // read to the end
    }
  }

  private static List<String> plainTokens(String document) throws IOException {
    char[] text = ("<<" + document + ">").toCharArray();
    try {
      return tokens(new PlainCharsParser(text, 2, text.length - 3, LIMITS, new KeyCache()));
    } catch (PlainCharsParser.GiveUp e) {
      return List.of(GIVEN_UP);
    }
  }

  private static List<String> jacksonTokens(String document) {
    char[] text = document.toCharArray();
    try (JsonParser parser = JACKSON.createParser(text, 0, text.length)) {
      return tokens(parser);
    } catch (IOException e) {
      return List.of("Jackson failed: " + e.getMessage());
    }
  }

  private static List<String> tokens(JsonParser parser) throws IOException {
    List<String> tokens = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
      String text =
          new String(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      String value =
          switch (t) {
            case FIELD_NAME -> parser.currentName();
            case VALUE_NUMBER_INT ->
                parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? "big " + parser.getBigIntegerValue()
                    : "long " + parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> "decimal " + parser.getDecimalValue();
            default -> "";
          };
      tokens.add(t + " " + parser.getText() + " [" + text + "] " + value);
    }
    return tokens;
  }

  // ---------------------------------------------------------------------------------------------
  // Documents

  private String document() {
    StringBuilder s = new StringBuilder();
    space(s);
    value(s, 0);
    space(s);
    return s.toString();
  }

  private void value(StringBuilder s, int depth) {
    int kind = random.nextInt(depth > 11 ? 5 : 7);
    switch (kind) {
      case 0 -> string(s);
      case 1, 2 -> number(s);
      case 3 -> s.append(random.nextBoolean() ? "true" : "false");
      case 4 -> s.append("null");
      case 5 -> {
        s.append('{');
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            s.append(',');
          }
          space(s);
          string(s);
          space(s);
          s.append(':');
          space(s);
          value(s, depth + 1);
          space(s);
        }
        s.append('}');
      }
      default -> {
        s.append('[');
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            s.append(',');
          }
          space(s);
          value(s, depth + 1);
          space(s);
        }
        s.append(']');
      }
    }
  }

  private static final String[] PIECES = {
    "a", "recall", "é", "\uD83D\uDE00", "\uD800", " ", "\\\"", "\\n", "\\u0041", "\t", "/", "'"
  };

  private void string(StringBuilder s) {
    s.append('"');
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      s.append(random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)] : "k" + i);
    }
    s.append('"');
  }

  private static final String[] NUMBERS = {
    "0",
    "-0",
    "7",
    "-12",
    "0.005833",
    "5770405.50",
    "1e5",
    "1E-5",
    "2.5e+3",
    "-0.0",
    "1e400",
    "123456789012345678",
    "1234567890123456789",
    "99999999999999999999",
    "0.1234567890123456789",
    "01",
    "1.",
    ".5",
    "-",
    "+1",
    "1e",
    "0x10",
    "NaN",
    "Infinity",
    "1.2.3"
  };

  private void number(StringBuilder s) {
    if (random.nextBoolean()) {
      s.append(NUMBERS[random.nextInt(NUMBERS.length)]);
    } else {
      s.append(random.nextInt(2000) - 1000);
      if (random.nextBoolean()) {
        s.append('.').append(random.nextInt(100_000));
      }
    }
  }

  private void space(StringBuilder s) {
    if (random.nextInt(3) == 0) {
      s.append(" \n\r\t\u000b".charAt(random.nextInt(random.nextInt(10) == 0 ? 5 : 4)));
    }
  }

  private static final String SIGNIFICANT = "{}[]:,\"\\ 0.-etn";

  private String mutated(String document) {
    StringBuilder s = new StringBuilder(document);
    int at = s.length() == 0 ? 0 : random.nextInt(s.length());
    char c = SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length()));
    switch (random.nextInt(3)) {
      case 0 -> s.insert(at, c);
      case 1 -> {
        if (s.length() > 0) {
          s.deleteCharAt(at);
        }
      }
      default -> {
        if (s.length() > 0) {
          s.setCharAt(at, c);
        }
      }
    }
    return s.toString();
  }
}
