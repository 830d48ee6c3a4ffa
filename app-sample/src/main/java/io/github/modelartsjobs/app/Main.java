package io.github.modelartsjobs.app;

/** Entry point of the command line application. */
public final class Main {

  private Main() {}

  /**
   * Runs the application.
   *
   * @param args command line arguments
   */
  public static void main(String[] args) {
    System.out.println("modelarts-jobs");
  }
}
