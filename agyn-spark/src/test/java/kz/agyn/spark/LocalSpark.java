package kz.agyn.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark for all the test classes of a run (a session costs seconds to start): {@code local[2]}, the two
 * cores of the machine, on the loopback address, without the web UI.
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("agyn-spark-test")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
