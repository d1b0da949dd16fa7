/**
 * The customer archive (客户信息档案库): contact data, counts, segments and latest tickets, kept per
 * customer and partition as tickets change, and merged on read.
 */
package dev.servicedesk.archive.customer;
