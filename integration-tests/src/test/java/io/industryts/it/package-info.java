/**
 * End-to-end tests of the {@code industryts} launcher: the shaded jar run as a subprocess with
 * {@code java -jar}, on every JDK present (17 and 25), against the example jobs.
 */
package io.industryts.it;
