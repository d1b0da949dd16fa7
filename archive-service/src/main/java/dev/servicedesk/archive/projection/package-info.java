/**
 * Turns each poll of ticket events into one read of the tickets it names, an in-memory fold, and
 * bulk writes: first the partition-sharded summaries (KPI counters, lists, customers), then the
 * tickets. Every document is read and written by {@code _id} alone.
 */
package dev.servicedesk.archive.projection;
