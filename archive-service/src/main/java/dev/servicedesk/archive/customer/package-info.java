/** The customer archive (客户信息档案库): basic data, all tickets and segments, derived from the ticket read model. */
package dev.servicedesk.archive.customer;
