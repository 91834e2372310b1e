/** app module. */
package io.fleetcare.app;
