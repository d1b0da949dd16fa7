/** The run's results: a table on standard output and the same figures as a JSON file. */
package dev.servicedesk.benchmark.report;
