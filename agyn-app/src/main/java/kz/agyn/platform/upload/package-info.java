/**
 * Uploads, the same way for every feature: a file (or a pasted text, or a request body) is streamed to an
 * owner-only temporary file while its size is counted, refused with a clear message in the user's language as
 * soon as it passes the feature's limit, hashed on the way, and parsed from the file afterwards; the file is
 * deleted when the work is done. The servlet container's own multipart and form limits get the same clear
 * answer (413, a page or problem+json), never an error page with a trace or a refused CSRF token.
 */
package kz.agyn.platform.upload;
