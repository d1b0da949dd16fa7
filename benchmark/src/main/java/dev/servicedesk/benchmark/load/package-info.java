/**
 * The load itself: operations, an open-model generator that sends at fixed arrival rates and times
 * each request from when it was due, a saturation generator that keeps a number of requests in
 * flight, and the per-operation statistics both record.
 */
package dev.servicedesk.benchmark.load;
