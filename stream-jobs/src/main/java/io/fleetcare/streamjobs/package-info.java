/** The Flink stream jobs and their operators. */
package io.fleetcare.streamjobs;
