/** Test support shared by every module: a JUnit 5 extension for Beam's TestPipeline. */
package io.industryts.testing;
