package io.github.modelartsjobs.architecture.sample.http;

/** Breaks the streams rule: an adapter that prints. */
public class HttpThatPrints {

  void call() {
    System.out.println("calling");
  }
}
