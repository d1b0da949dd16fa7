/** RFC 9457 problem details for every error a client can cause. */
package dev.servicedesk.kit.web;
