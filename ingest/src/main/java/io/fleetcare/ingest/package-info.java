/** ingest module. */
package io.fleetcare.ingest;
