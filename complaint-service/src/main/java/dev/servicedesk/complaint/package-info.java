/** The complaint workflow (投诉处理流程): complaint cases opened from routed complaint tickets. */
package dev.servicedesk.complaint;
