/** Fleetcare's shared vocabulary: the wire contract, the signal catalogue and configuration. */
package io.fleetcare.core;
