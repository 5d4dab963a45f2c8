/**
 * One {@link io.industryts.config.OperationProvider} per operation: its {@link
 * io.industryts.config.OperationDescription} (keys, types, defaults, allowed values, rules) and the
 * call to the operation's Java factory in {@code io.industryts.ops}.
 */
package io.industryts.config.ops;
