package io.github.modelartsjobs.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorContextTest {

  @Test
  void serviceMessageBecomesOneLineWithSingleSpaces() {
    ErrorContext context =
        ErrorContext.EMPTY.withService("X", "\n  line one\r\n\r\n\tline  two \u0000 end  \n");

    assertThat(context.message()).contains("line one line two end");
  }

  @Test
  void longServiceMessageIsCutToTheLimitEndingInAnEllipsis() {
    String html = "<html>\n<body>" + "x".repeat(1000) + "</body>\n</html>";

    ErrorContext context = ErrorContext.EMPTY.withService(null, html);

    String message = context.message().orElseThrow();
    assertThat(message).hasSize(ErrorContext.MAX_MESSAGE_LENGTH).startsWith("<html> <body>xxx");
    assertThat(message).endsWith("xxx...");
  }

  @Test
  void messageOfExactlyTheLimitIsKeptWhole() {
    String text = "y".repeat(ErrorContext.MAX_MESSAGE_LENGTH);

    ErrorContext context = ErrorContext.EMPTY.withService(null, text);

    assertThat(context.message()).contains(text);
  }

  @Test
  void messageThatFitsOnceItsSpacesAreJoinedIsKeptWhole() {
    String text = "a".repeat(150) + " \n " + "b".repeat(149);

    ErrorContext context = ErrorContext.EMPTY.withService(null, text);

    assertThat(context.message()).contains("a".repeat(150) + " " + "b".repeat(149));
  }

  @Test
  void messageOneCharacterOverTheLimitIsCut() {
    String text = "z".repeat(ErrorContext.MAX_MESSAGE_LENGTH + 1);

    ErrorContext context = ErrorContext.EMPTY.withService(null, text);

    assertThat(context.message()).contains("z".repeat(ErrorContext.MAX_MESSAGE_LENGTH - 3) + "...");
  }

  @Test
  void messageWithTrailingWhiteSpaceOnlyPastTheLimitIsKeptWhole() {
    String text = "w".repeat(ErrorContext.MAX_MESSAGE_LENGTH) + " \n\t ";

    ErrorContext context = ErrorContext.EMPTY.withService(null, text);

    assertThat(context.message()).contains("w".repeat(ErrorContext.MAX_MESSAGE_LENGTH));
  }

  @Test
  void requestIdAndCodeAreBoundedToo() {
    ErrorContext context =
        ErrorContext.EMPTY.withService("C".repeat(100), null).withRequestId("r".repeat(500));

    assertThat(context.errorCode()).hasSize(64).endsWith("...");
    assertThat(context.requestId()).hasSize(128).endsWith("...");
  }

  @Test
  void blankTextsCountAsAbsent() {
    ErrorContext context = new ErrorContext(10L, 12L, 400, " ", "\n\t ", "").withRequestId("  ");

    assertThat(context.code()).isEmpty();
    assertThat(context.message()).isEmpty();
    assertThat(context.request()).isEmpty();
    assertThat(context.details()).isEqualTo(" (HTTP 400)");
  }

  @Test
  void subjectNamesWhatIsKnown() {
    assertThat(ErrorContext.forVersion(10, 12).subject()).isEqualTo("training job 10 version 12");
    assertThat(ErrorContext.forJob(10).subject()).isEqualTo("training job 10");
    assertThat(ErrorContext.EMPTY.subject()).isEqualTo("training job");
  }

  @Test
  void detailsListCodeStatusAndRequestInThatOrder() {
    ErrorContext context =
        ErrorContext.forVersion(10, 12)
            .withService("ModelArts.2775", "not there")
            .withHttpStatus(400)
            .withRequestId("5f3c");

    assertThat(context.details()).isEqualTo(" (ModelArts.2775, HTTP 400, request 5f3c)");
    assertThat(context.withService(null, null).details()).isEqualTo(" (HTTP 400, request 5f3c)");
    assertThat(context.withHttpStatus(null).withRequestId(null).details())
        .isEqualTo(" (ModelArts.2775)");
    assertThat(ErrorContext.EMPTY.details()).isEmpty();
  }

  @Test
  void accessorsGiveEachPartWhenKnown() {
    ErrorContext context =
        new ErrorContext(10L, null, 429, "ModelArts.2799", "slow down", "abc").withIds(11L, 13L);

    assertThat(context.job()).hasValue(11);
    assertThat(context.version()).hasValue(13);
    assertThat(context.status()).hasValue(429);
    assertThat(context.code()).contains("ModelArts.2799");
    assertThat(context.message()).contains("slow down");
    assertThat(context.request()).contains("abc");
    assertThat(ErrorContext.EMPTY.job()).isEmpty();
    assertThat(ErrorContext.EMPTY.version()).isEmpty();
    assertThat(ErrorContext.EMPTY.status()).isEmpty();
  }
}
