package kz.agyn.residency.parquet;

import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page compression without Hadoop: parquet-hadoop's own codec factory loads Hadoop's codec classes even for Snappy,
 * so the reader decompresses with aircompressor (Snappy, ZSTD, LZ4_RAW; pure Java, no native library unpacked into
 * /tmp) and the JDK (GZIP), and the writer compresses Snappy through {@link #WRITING}.
 */
final class Codecs {

    private Codecs() {
    }

    /** Decompresses {@code in[off, off + len)} into a new array of {@code size} bytes. */
    static byte[] decompress(CompressionCodec codec, byte[] in, int off, int len, int size) throws IOException {
        if (size < 0) {
            throw new IOException("negative page size");
        }
        byte[] out = new byte[size];
        int n;
        switch (codec) {
            case UNCOMPRESSED -> {
                if (len != size) {
                    throw new IOException("uncompressed page of the wrong size");
                }
                System.arraycopy(in, off, out, 0, len);
                return out;
            }
            case SNAPPY -> n = new SnappyDecompressor().decompress(in, off, len, out, 0, size);
            case ZSTD -> n = new ZstdDecompressor().decompress(in, off, len, out, 0, size);
            case LZ4_RAW -> n = new Lz4Decompressor().decompress(in, off, len, out, 0, size);
            case GZIP -> {
                try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(in, off, len))) {
                    n = z.readNBytes(out, 0, size);
                }
            }
            default -> throw new UnsupportedCodecException(codec.name());
        }
        if (n != size) {
            throw new IOException("page decompressed to " + n + " bytes, not " + size);
        }
        return out;
    }

    /** A codec the reader does not have (LZO, Brotli, Hadoop's LZ4 framing). */
    static final class UnsupportedCodecException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsupportedCodecException(String codec) {
            super(codec);
        }
    }

    /** For ParquetWriter: Snappy or none, by aircompressor. */
    static final CompressionCodecFactory WRITING = new CompressionCodecFactory() {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName name) {
            boolean snappy = name == CompressionCodecName.SNAPPY;
            if (!snappy && name != CompressionCodecName.UNCOMPRESSED) {
                throw new IllegalArgumentException("only Snappy or no compression is written");
            }
            return new BytesInputCompressor() {
                private final SnappyCompressor compressor = new SnappyCompressor();

                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    if (!snappy) {
                        return bytes;
                    }
                    byte[] in = bytes.toByteArray();
                    byte[] out = new byte[compressor.maxCompressedLength(in.length)];
                    int n = compressor.compress(in, 0, in.length, out, 0, out.length);
                    return BytesInput.from(out, 0, n);
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return name;
                }

                @Override
                public void release() {
                    // nothing held
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName name) {
            throw new UnsupportedOperationException("the reader decompresses pages itself");
        }

        @Override
        public void release() {
            // nothing held
        }
    };
}
