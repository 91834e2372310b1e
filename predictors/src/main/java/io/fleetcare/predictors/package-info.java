/** predictors module. */
package io.fleetcare.predictors;
