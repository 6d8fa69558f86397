package kz.agyn.scenario.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each dimension's values sit in a row of results: TOTAL first, then the regions, ISCO groups, ISCED
 * levels, sexes, age groups and sectors.
 */
final class Slots {

    static final List<String> ISCO = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    static final List<String> ISCED = List.of("5", "6", "7", "8");
    static final List<String> SEX = List.of("M", "F");
    static final List<String> AGE = List.of("15-29", "30-34", "35-44", "45-54", "55+");
    static final List<String> SECTOR;

    static {
        List<String> sectors = new ArrayList<>();
        for (Sector s : Sector.values()) {
            sectors.add(s.name());
        }
        SECTOR = List.copyOf(sectors);
    }

    final List<String> regions;
    final int region;
    final int isco;
    final int isced;
    final int sex;
    final int age;
    final int sector;
    final int count;

    Slots(List<String> regions) {
        this.regions = regions;
        region = 1;
        isco = region + regions.size();
        isced = isco + 10;
        sex = isced + 4;
        age = sex + 2;
        sector = age + AGE.size();
        count = sector + 4;
    }

    int first(Dimension d) {
        return switch (d) {
            case TOTAL -> 0;
            case REGION -> region;
            case ISCO -> isco;
            case ISCED -> isced;
            case SEX -> sex;
            case AGE_GROUP -> age;
            case SECTOR -> sector;
        };
    }

    List<String> codes(Dimension d) {
        return switch (d) {
            case TOTAL -> List.of("TOTAL");
            case REGION -> regions;
            case ISCO -> ISCO;
            case ISCED -> ISCED;
            case SEX -> SEX;
            case AGE_GROUP -> AGE;
            case SECTOR -> SECTOR;
        };
    }

    int slot(Dimension d, int codeIndex) {
        int n = codes(d).size();
        if (codeIndex < 0 || codeIndex >= n) {
            throw new IllegalArgumentException(d + " has " + n + " values, asked for " + codeIndex);
        }
        return first(d) + codeIndex;
    }
}
