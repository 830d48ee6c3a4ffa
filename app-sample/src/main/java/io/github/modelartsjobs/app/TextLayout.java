package io.github.modelartsjobs.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain-text layout for the table output: a report of titled sections whose rows are label and
 * value pairs or aligned columns. A section with nothing in it is left out, and a row whose value
 * is absent or blank is never added, so no output shows an empty heading or a null.
 */
final class TextLayout {

  private static final String INDENT = "  ";

  private TextLayout() {}

  /** A report: sections in order, the first one (the head) written without title or indent. */
  static final class Report {

    private final List<Section> sections = new ArrayList<>();

    /**
     * Adds a section.
     *
     * @param title the heading, or null for the head of the report
     * @return the section, to add rows to
     */
    Section section(String title) {
      Section section = new Section(title);
      sections.add(section);
      return section;
    }

    /** The text, each line ending with a line break; sections apart by a blank line. */
    String render() {
      StringBuilder out = new StringBuilder();
      for (Section section : sections) {
        List<String> lines = section.lines();
        if (lines.isEmpty()) {
          continue;
        }
        if (out.length() > 0) {
          out.append('\n');
        }
        String indent = "";
        if (section.title != null) {
          out.append(section.title).append('\n');
          indent = INDENT;
        }
        for (String line : lines) {
          out.append(indent).append(line).append('\n');
        }
      }
      return out.toString();
    }
  }

  /** One section: label and value rows, then column rows, each aligned among its kind. */
  static final class Section {

    private final String title;
    private final Columns labelled = new Columns();
    private Columns table;

    private Section(String title) {
      this.title = title;
    }

    /** Adds a row when the value is there and not blank. */
    Section row(String label, Optional<String> value) {
      return row(label, value.orElse(null));
    }

    /** Adds a row when the value is not null and not blank. */
    Section row(String label, String value) {
      if (value != null && !value.isBlank()) {
        labelled.add(label, Formats.oneLine(value));
      }
      return this;
    }

    /** Adds a row of aligned columns below the label and value rows. */
    Section columns(String... cells) {
      if (table == null) {
        table = new Columns();
      }
      table.add(cells);
      return this;
    }

    private List<String> lines() {
      List<String> lines = new ArrayList<>(labelled.lines());
      if (table != null) {
        lines.addAll(table.lines());
      }
      return lines;
    }
  }

  /**
   * Rows of cells, each column as wide as its widest cell, two spaces apart, no trailing spaces.
   * Cells are counted in characters, so wide (East Asian) characters misalign.
   */
  static final class Columns {

    private final List<String[]> rows = new ArrayList<>();

    /** Adds a row; rows may have different numbers of cells. */
    Columns add(String... cells) {
      rows.add(cells.clone());
      return this;
    }

    /** The aligned lines. */
    List<String> lines() {
      List<Integer> widths = new ArrayList<>();
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          int width = row[i].codePointCount(0, row[i].length());
          if (i == widths.size()) {
            widths.add(width);
          } else if (width > widths.get(i)) {
            widths.set(i, width);
          }
        }
      }

      List<String> lines = new ArrayList<>(rows.size());
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          line.append(row[i]);
          if (i < row.length - 1) {
            int pad = widths.get(i) - row[i].codePointCount(0, row[i].length()) + 2;
            line.append(" ".repeat(pad));
          }
        }
        lines.add(line.toString().stripTrailing());
      }
      return lines;
    }
  }
}
