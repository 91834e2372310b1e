/**
 * Work-order types shared by the planner (stream jobs) and the work-order service: what an order
 * asks for, for which vehicle and dealer, when it is due and why.
 */
package io.fleetcare.core.workorder;
