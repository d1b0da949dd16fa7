/**
 * Single-document reads and inserts of concurrent requests sent to the database together, so that
 * the number of commands per registration falls as the load rises.
 */
package dev.servicedesk.intake.batching;
