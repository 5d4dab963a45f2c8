/**
 * Temporary stand-ins, with the signatures the launcher codes against, for the job-file loader
 * ({@code io.industryts.config}) and the file readers and writers ({@code io.industryts.io}) until
 * those modules land. Delete this package and point the imports at the real classes then.
 */
package io.industryts.runners.pending;
