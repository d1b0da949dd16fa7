/** Lists of the most recently active tickets, overall and per status, kept as small documents per partition. */
package dev.servicedesk.archive.lists;
