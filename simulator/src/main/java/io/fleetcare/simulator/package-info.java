/** simulator module. */
package io.fleetcare.simulator;
