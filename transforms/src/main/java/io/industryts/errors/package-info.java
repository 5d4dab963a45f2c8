/**
 * What a run reports about bad input, as plain values ({@link
 * io.industryts.errors.BadRowException}). A leaf package: the engine throws these and every layer
 * above it (operations, the user API, the launcher) catches them, so it depends on no other {@code
 * io.industryts} package.
 */
package io.industryts.errors;
