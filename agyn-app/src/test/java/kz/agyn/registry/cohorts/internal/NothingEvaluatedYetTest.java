package kz.agyn.registry.cohorts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new installation before the registry's first evaluation holds no obligation: the day they were evaluated is
 * "none", not an error. It was an error, and /measures answered 500 in the first minute after a first start
 * (found trying the product as a new user, 2026-12-07).
 */
class NothingEvaluatedYetTest extends AgynTest {

    @Autowired
    CohortRepository cohorts;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Transactional // the obligations removed here come back when the test's transaction is rolled back
    void noObligationStoredMeansNoEvaluationDay() {
        jdbc.sql("DELETE FROM reg_obligation").update();
        assertThat(cohorts.evaluatedOn()).isNull();
    }
}
