package io.miglab.core.result;

/**
 * What went over the wire.
 *
 * @param bytesTransferred all bytes on the wire
 * @param pagesTransferred all pages sent (zero pages and re-sends included)
 * @param pagesResent      pages sent more than once
 * @param zeroPages        pages sent as zero-page headers
 * @param precopyBytes     bytes sent while the guest ran on the source
 * @param stopCopyBytes    bytes sent while the guest was paused (device state included)
 * @param postcopyBytes    bytes sent while the guest ran on the destination
 */
public record Traffic(long bytesTransferred, long pagesTransferred, long pagesResent, long zeroPages,
                      long precopyBytes, long stopCopyBytes, long postcopyBytes) {
}
