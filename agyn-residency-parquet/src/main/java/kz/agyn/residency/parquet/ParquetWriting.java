package kz.agyn.residency.parquet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.PersonKeys;
import kz.agyn.residency.engine.Register;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes a country's extracts with parquet-hadoop's {@link ParquetWriter} on a {@link LocalOutputFile}, without
 * Hadoop: the plain configuration, this module's Snappy codec, and a write support that streams each row straight
 * from the columnar batch into the record consumer (no row objects, no strings but the few codes made once).
 */
final class ParquetWriting {

    static final MessageType EXTRACTS = MessageTypeParser.parseMessageType("message extracts {"
            + " required binary person (STRING); required binary register (STRING); required int32 mask;"
            + " optional binary region (STRING); optional int32 age; optional binary sex (STRING);"
            + " optional int32 isced; optional binary isco (STRING); }");
    static final MessageType CROSSINGS = MessageTypeParser.parseMessageType("message crossings {"
            + " required binary person (STRING); required int32 date (DATE); required binary direction (STRING); }");
    static final MessageType STATUSES = MessageTypeParser.parseMessageType("message statuses {"
            + " required binary person (STRING); required binary month (STRING); required binary event (STRING); }");

    private ParquetWriting() {
    }

    static void write(Extracts x, Path folder) throws IOException {
        write(x, folder, ParquetWriter.DEFAULT_BLOCK_SIZE, ParquetWriter.DEFAULT_PAGE_SIZE);
    }

    /** The same with row groups and pages of about these sizes (tests make many of each). */
    static void write(Extracts x, Path folder, long rowGroupBytes, int pageBytes) throws IOException {
        Files.createDirectories(folder);
        Period period = x.period();
        Binary[] registers = new Binary[Register.COUNT];
        for (int r = 0; r < Register.COUNT; r++) {
            registers[r] = text(Register.at(r).name());
        }
        Binary[] regions = new Binary[100];
        Binary[] iscos = new Binary[100];
        for (int i = 0; i < 100; i++) {
            regions[i] = text(String.format("%02d0000000", i));
            iscos[i] = text(String.format("%02d", i));
        }
        Binary[] months = new Binary[period.months()];
        for (int m = 0; m < months.length; m++) {
            months[m] = text(period.month(m).toString());
        }
        Binary male = text("M");
        Binary female = text("F");
        Binary exit = text("EXIT");
        Binary entry = text("ENTRY");
        Binary[] events = {text("DEREGISTERED"), text("DIED"), text("PRESENT")};
        try (ParquetWriter<Consumer<RecordConsumer>> e = writer(folder.resolve(ExtractsParquet.EXTRACTS), EXTRACTS,
                false, rowGroupBytes, pageBytes);
             ParquetWriter<Consumer<RecordConsumer>> c = writer(folder.resolve(ExtractsParquet.CROSSINGS), CROSSINGS,
                     false, rowGroupBytes, pageBytes);
             ParquetWriter<Consumer<RecordConsumer>> s = writer(folder.resolve(ExtractsParquet.STATUSES), STATUSES,
                     false, rowGroupBytes, pageBytes)) {
            for (int p = 0; p < x.persons(); p++) {
                Binary key = text(x.key(p));
                boolean any = false;
                for (int r = 0; r < Register.COUNT; r++) {
                    any |= x.mask(p, r) != 0;
                }
                int person = p;
                for (int r = 0; r < Register.COUNT; r++) {
                    int mask = x.mask(p, r);
                    if (mask == 0 && (any || r != 0)) {
                        continue;
                    }
                    int register = r;
                    e.write(rc -> {
                        binary(rc, "person", 0, key);
                        binary(rc, "register", 1, registers[register]);
                        integer(rc, "mask", 2, mask);
                        if (x.region(person) >= 0) {
                            binary(rc, "region", 3, regions[x.region(person)]);
                        }
                        if (x.age(person) >= 0) {
                            integer(rc, "age", 4, x.age(person));
                        }
                        if (x.sex(person) == 1 || x.sex(person) == 2) {
                            binary(rc, "sex", 5, x.sex(person) == 1 ? male : female);
                        }
                        if (x.isced(person) >= 0) {
                            integer(rc, "isced", 6, x.isced(person));
                        }
                        if (x.isco(person) >= 0) {
                            binary(rc, "isco", 7, iscos[x.isco(person)]);
                        }
                    });
                }
                for (int[] crossing : new int[][] {{x.lastExit(p), 0}, {x.lastEntry(p), 1}}) {
                    if (crossing[0] != Extracts.NO_DAY) {
                        c.write(rc -> {
                            binary(rc, "person", 0, key);
                            integer(rc, "date", 1, crossing[0]);
                            binary(rc, "direction", 2, crossing[1] == 0 ? exit : entry);
                        });
                    }
                }
                int[] known = {x.deregistered(p), x.died(p), x.confirmed(p)};
                for (int k = 0; k < 3; k++) {
                    if (known[k] != Extracts.NO_MONTH) {
                        Binary month = months[known[k]];
                        Binary event = events[k];
                        s.write(rc -> {
                            binary(rc, "person", 0, key);
                            binary(rc, "month", 1, month);
                            binary(rc, "event", 2, event);
                        });
                    }
                }
            }
        }
    }

    private static Binary text(String s) {
        return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.US_ASCII));
    }

    static void binary(RecordConsumer rc, String field, int index, Binary value) {
        rc.startField(field, index);
        rc.addBinary(value);
        rc.endField(field, index);
    }

    static void integer(RecordConsumer rc, String field, int index, int value) {
        rc.startField(field, index);
        rc.addInteger(value);
        rc.endField(field, index);
    }

    /**
     * A writer of rows given as functions of the record consumer, into {@code file} (replaced), Snappy; with
     * {@code personDictionary} false the person key is written plain: it is unique per person, so a dictionary of it
     * only fills up and is abandoned.
     */
    static ParquetWriter<Consumer<RecordConsumer>> writer(Path file, MessageType schema, boolean personDictionary,
                                                           long rowGroupBytes, int pageBytes) throws IOException {
        Files.deleteIfExists(file);
        Builder b = new Builder(new LocalOutputFile(file), schema).withConf(new PlainParquetConfiguration())
                .withCodecFactory(Codecs.WRITING).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(rowGroupBytes).withPageSize(pageBytes);
        if (schema.containsField("person") && !personDictionary) {
            b = b.withDictionaryEncoding("person", false);
        }
        return b.build();
    }

    static void binary(RecordConsumer rc, String field, int index, String value) {
        binary(rc, field, index, text(value));
    }

    /** Rows written by a function of the record consumer. */
    private static final class Support extends WriteSupport<Consumer<RecordConsumer>> {
        private final MessageType schema;
        private RecordConsumer consumer;

        Support(MessageType schema) {
            this.schema = schema;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Consumer<RecordConsumer> row) {
            consumer.startMessage();
            row.accept(consumer);
            consumer.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Consumer<RecordConsumer>, Builder> {
        private final MessageType schema;

        Builder(OutputFile file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Consumer<RecordConsumer>> getWriteSupport(
                org.apache.hadoop.conf.Configuration configuration) {
            return new Support(schema);
        }

        @Override
        protected WriteSupport<Consumer<RecordConsumer>> getWriteSupport(ParquetConfiguration configuration) {
            return new Support(schema);
        }
    }

}
