package io.github.modelartsjobs.core.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/**
 * One named series of a system metric, such as {@code cpuUsage}, held in a primitive array.
 *
 * <p>The service sends each point as a numeric string. A point it sent as null, empty or not a
 * number is {@link Double#NaN} here; {@link #min()}, {@link #mean()} and {@link #max()} skip such
 * points. Instances are immutable: the array is copied in and never handed out.
 */
public final class MetricSeries {

  private final String name;
  private final double[] values;

  private MetricSeries(String name, double[] values) {
    this.name = name;
    this.values = values;
  }

  /**
   * A series holding a copy of the given points.
   *
   * @param name the series name as sent, such as {@code gpuUtil}
   * @param values the points, oldest first
   * @return the series
   */
  public static MetricSeries of(String name, double... values) {
    Objects.requireNonNull(name, "name");
    return new MetricSeries(name, values.clone());
  }

  /**
   * A series that takes ownership of the array: the caller must not change it afterwards. For
   * decoders that build a fresh array for each series.
   *
   * @param name the series name
   * @param values the points, owned by the series from now on
   * @return the series
   */
  public static MetricSeries wrap(String name, double[] values) {
    return new MetricSeries(Objects.requireNonNull(name, "name"), Objects.requireNonNull(values));
  }

  /** The series name as sent. */
  public String name() {
    return name;
  }

  /** The number of points. */
  public int size() {
    return values.length;
  }

  /**
   * One point.
   *
   * @param index from 0, oldest first
   * @return the value, NaN where the service sent no number
   */
  public double get(int index) {
    return values[index];
  }

  /** A copy of the points, oldest first. */
  public double[] toArray() {
    return values.clone();
  }

  /** The points, oldest first. */
  public DoubleStream stream() {
    return Arrays.stream(values);
  }

  /** The least point that is a number, or empty. */
  public OptionalDouble min() {
    return numbers().min();
  }

  /** The mean of the points that are numbers, or empty. */
  public OptionalDouble mean() {
    return numbers().average();
  }

  /** The greatest point that is a number, or empty. */
  public OptionalDouble max() {
    return numbers().max();
  }

  private DoubleStream numbers() {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetricSeries that
        && name.equals(that.name)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(values);
  }

  /** The name and the number of points, such as {@code cpuUsage[7 points]}. */
  @Override
  public String toString() {
    return name + "[" + values.length + " points]";
  }
}
