/** workorders module. */
package io.fleetcare.workorders;
