/** The live dashboard: static pages under {@code /dashboard} reading the KPI and ticket APIs. */
package dev.servicedesk.archive.dashboard;
