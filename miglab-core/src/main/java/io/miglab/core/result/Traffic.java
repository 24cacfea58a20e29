package io.miglab.core.result;

/**
 * What went over the wire. The memory stream's bytes add up by phase (pre-copy + stop-and-copy + post-copy) and by
 * link (source->destination + source->NAS + NAS->destination) to {@code bytesTransferred}; a local disk's bytes
 * are counted apart, in {@code storageBytes}.
 *
 * @param bytesTransferred         all bytes of the memory stream on the wire
 * @param pagesTransferred         all pages sent (zero pages and re-sends included)
 * @param pagesResent              pages sent more than once
 * @param zeroPages                pages sent as zero-page headers
 * @param precopyBytes             bytes sent while the guest ran on the source
 * @param stopCopyBytes            bytes sent while the guest was paused (device state included)
 * @param postcopyBytes            bytes sent while the guest ran on the destination
 * @param sourceToDestinationBytes bytes on the source->destination link
 * @param sourceToNasBytes         bytes the source wrote to the NAS (NAS-assisted pre-copy)
 * @param nasToDestinationBytes    bytes the destination fetched from the NAS
 * @param storageBytes             bytes of the VM's local disk sent to the destination
 */
public record Traffic(long bytesTransferred, long pagesTransferred, long pagesResent, long zeroPages,
                      long precopyBytes, long stopCopyBytes, long postcopyBytes, long sourceToDestinationBytes,
                      long sourceToNasBytes, long nasToDestinationBytes, long storageBytes) {
    /** Traffic without a NAS and without a disk: every byte on the source->destination link. */
    public Traffic(long bytesTransferred, long pagesTransferred, long pagesResent, long zeroPages,
                   long precopyBytes, long stopCopyBytes, long postcopyBytes) {
        this(bytesTransferred, pagesTransferred, pagesResent, zeroPages, precopyBytes, stopCopyBytes, postcopyBytes,
                bytesTransferred, 0, 0, 0);
    }

    /** This traffic with a disk's bytes. */
    public Traffic withStorageBytes(long bytes) {
        return new Traffic(bytesTransferred, pagesTransferred, pagesResent, zeroPages, precopyBytes, stopCopyBytes,
                postcopyBytes, sourceToDestinationBytes, sourceToNasBytes, nasToDestinationBytes, bytes);
    }

    /** Bytes that left the source: to the destination and to the NAS. */
    public long sourceLinkBytes() {
        return sourceToDestinationBytes + sourceToNasBytes;
    }
}
