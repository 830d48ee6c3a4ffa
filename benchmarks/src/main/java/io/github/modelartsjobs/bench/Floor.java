package io.github.modelartsjobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start-up floor: the least a JVM program does to answer the same question as {@code
 * modelarts-jobs job-info}. It reads a version-details file with Jackson's {@code readTree} and
 * prints its {@code job_name}, nothing more.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.modelartsjobs.bench.Floor <file>}.
 */
public final class Floor {

  private Floor() {}

  /**
   * Prints the {@code job_name} of the file.
   *
   * @param args one argument: the path of a version-details JSON file
   * @throws IOException if the file cannot be read or is not JSON
   */
  public static void main(String[] args) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[0])));

    System.out.println(root.path("job_name").asText());
  }
}
