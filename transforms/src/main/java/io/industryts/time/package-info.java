/**
 * Time values (SEMANTICS §1.3, §1.6): parsing time strings and epoch numbers into epoch
 * milliseconds ({@link io.industryts.time.TimeParser}) with the pipeline's zone, format and DST
 * rules, and durations.
 */
package io.industryts.time;
