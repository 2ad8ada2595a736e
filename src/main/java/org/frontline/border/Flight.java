package org.frontline.border;

/**
 * What a manifest says of its flight (none of it personal data): flight number, carrier, route and
 * scheduled arrival, each as sent (validated for length and characters), each optional.
 */
public record Flight(String flight, String carrier, String route, String scheduledArrival) {
}
