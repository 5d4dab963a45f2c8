/** Runnable examples of the industryts Java API: operations composed as Beam transforms. */
package io.industryts.examples;
