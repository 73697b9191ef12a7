package org.alos2ingest.catalog;

/**
 * One filter per CQL2 operator and queryable kind, written in CQL2-text and in CQL2-JSON with the
 * same meaning, over {@link SyntheticCatalog}'s scenes.
 */
final class Cql2Cases {

    private Cql2Cases() {
    }

    static final String[][] CASES = {
        {"sar:instrument_mode = 'FBD'", "{\"op\":\"=\",\"args\":[{\"property\":\"sar:instrument_mode\"},\"FBD\"]}"},
        {"'FBD' = sar:instrument_mode", "{\"op\":\"=\",\"args\":[\"FBD\",{\"property\":\"sar:instrument_mode\"}]}"},
        {"sar:instrument_mode <> 'FBD'", "{\"op\":\"<>\",\"args\":[{\"property\":\"sar:instrument_mode\"},\"FBD\"]}"},
        {"sat:relative_orbit < 40", "{\"op\":\"<\",\"args\":[{\"property\":\"sat:relative_orbit\"},40]}"},
        {"sat:relative_orbit <= 40", "{\"op\":\"<=\",\"args\":[{\"property\":\"sat:relative_orbit\"},40]}"},
        {"sat:relative_orbit > 150", "{\"op\":\">\",\"args\":[{\"property\":\"sat:relative_orbit\"},150]}"},
        {"150 < sat:relative_orbit", "{\"op\":\"<\",\"args\":[150,{\"property\":\"sat:relative_orbit\"}]}"},
        {"sat:relative_orbit >= 150", "{\"op\":\">=\",\"args\":[{\"property\":\"sat:relative_orbit\"},150]}"},
        {"sat:absolute_orbit > 30000 AND sat:orbit_state = 'descending'",
            "{\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"sat:absolute_orbit\"},30000]},"
                + "{\"op\":\"=\",\"args\":[{\"property\":\"sat:orbit_state\"},\"descending\"]}]}"},
        {"processing:level = 'L2.1' OR sar:instrument_mode = 'UBS'",
            "{\"op\":\"or\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"processing:level\"},\"L2.1\"]},"
                + "{\"op\":\"=\",\"args\":[{\"property\":\"sar:instrument_mode\"},\"UBS\"]}]}"},
        {"NOT (processing:level = 'L1.5' AND sar:observation_direction = 'right')",
            "{\"op\":\"not\",\"args\":[{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"processing:level\"},\"L1.5\"]},"
                + "{\"op\":\"=\",\"args\":[{\"property\":\"sar:observation_direction\"},\"right\"]}]}]}"},
        {"(collection = 'alos2_slc' OR collection = 'alos2_slc_md') and alos2:frame between 1000 and 3000",
            "{\"op\":\"and\",\"args\":[{\"op\":\"or\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"collection\"},\"alos2_slc\"]},"
                + "{\"op\":\"=\",\"args\":[{\"property\":\"collection\"},\"alos2_slc_md\"]}]},"
                + "{\"op\":\"between\",\"args\":[{\"property\":\"alos2:frame\"},1000,3000]}]}"},
        {"sar:polarizations IS NULL", "{\"op\":\"isNull\",\"args\":[{\"property\":\"sar:polarizations\"}]}"},
        {"sar:polarizations IS NOT NULL AND sar:polarizations <> 'HH'",
            "{\"op\":\"and\",\"args\":[{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"sar:polarizations\"}]}]},"
                + "{\"op\":\"<>\",\"args\":[{\"property\":\"sar:polarizations\"},\"HH\"]}]}"},
        {"sar:polarizations = 'VV'", "{\"op\":\"=\",\"args\":[{\"property\":\"sar:polarizations\"},\"VV\"]}"},
        {"sar:polarizations IN ('VH', 'HV')", "{\"op\":\"in\",\"args\":[{\"property\":\"sar:polarizations\"},[\"VH\",\"HV\"]]}"},
        {"NOT sar:polarizations = 'HV'", "{\"op\":\"not\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"sar:polarizations\"},\"HV\"]}]}"},
        {"id LIKE 'ALOS21%-1_____-%GUA'", "{\"op\":\"like\",\"args\":[{\"property\":\"id\"},\"ALOS21%-1_____-%GUA\"]}"},
        {"id NOT LIKE '%-md'", "{\"op\":\"not\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"id\"},\"%-md\"]}]}"},
        {"sar:instrument_mode IN ('WBD', 'WBS', 'VBD')", "{\"op\":\"in\",\"args\":[{\"property\":\"sar:instrument_mode\"},[\"WBD\",\"WBS\",\"VBD\"]]}"},
        {"sat:relative_orbit NOT IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)",
            "{\"op\":\"not\",\"args\":[{\"op\":\"in\",\"args\":[{\"property\":\"sat:relative_orbit\"},[1,2,3,4,5,6,7,8,9,10]]}]}"},
        {"sat:absolute_orbit BETWEEN 10000 AND 20000", "{\"op\":\"between\",\"args\":[{\"property\":\"sat:absolute_orbit\"},10000,20000]}"},
        {"id BETWEEN 'ALOS22' AND 'ALOS24'", "{\"op\":\"between\",\"args\":[{\"property\":\"id\"},\"ALOS22\",\"ALOS24\"]}"},
        {"id >= 'ALOS25'", "{\"op\":\">=\",\"args\":[{\"property\":\"id\"},\"ALOS25\"]}"},
        {"S_INTERSECTS(geometry, POLYGON((-30 -40, 60 -40, 60 40, -30 40, -30 -40)))",
            "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[-30,-40],[60,-40],[60,40],[-30,40],[-30,-40]]]}]}"},
        {"s_intersects(geometry, BBOX(170, -60, -170, 60))", "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[170,-60,-170,60]}]}"},
        {"S_INTERSECTS(geometry, MULTIPOLYGON(((0 0, 40 0, 40 40, 0 40, 0 0)), ((-120 -50, -80 -50, -80 -10, -120 -50))))",
            "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"MultiPolygon\",\"coordinates\":"
                + "[[[[0,0],[40,0],[40,40],[0,40],[0,0]]],[[[-120,-50],[-80,-50],[-80,-10],[-120,-50]]]]}]}"},
        {"S_INTERSECTS(geometry, LINESTRING(-180 10, 180 12))",
            "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"LineString\",\"coordinates\":[[-180,10],[180,12]]}]}"},
        {"NOT S_INTERSECTS(geometry, BBOX(-180, -90, 180, 0)) AND sar:instrument_mode = 'FBD'",
            "{\"op\":\"and\",\"args\":[{\"op\":\"not\",\"args\":[{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"bbox\":[-180,-90,180,0]}]}]},{\"op\":\"=\",\"args\":[{\"property\":\"sar:instrument_mode\"},\"FBD\"]}]}"},
        {"T_INTERSECTS(datetime, INTERVAL('2016-01-01T00:00:00Z', '2016-12-31T23:59:59Z'))",
            "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"datetime\"},{\"interval\":[\"2016-01-01T00:00:00Z\",\"2016-12-31T23:59:59Z\"]}]}"},
        {"T_INTERSECTS(start_datetime, INTERVAL('..', '2015-06-01'))",
            "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"start_datetime\"},{\"interval\":[\"..\",\"2015-06-01\"]}]}"},
        {"T_INTERSECTS(end_datetime, INTERVAL(DATE('2024-01-01'), '..'))",
            "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"end_datetime\"},{\"interval\":[{\"date\":\"2024-01-01\"},\"..\"]}]}"},
        {"datetime >= TIMESTAMP('2023-06-01T00:00:00Z')", "{\"op\":\">=\",\"args\":[{\"property\":\"datetime\"},{\"timestamp\":\"2023-06-01T00:00:00Z\"}]}"},
        {"datetime < DATE('2015-01-01') OR datetime > DATE('2025-06-01')",
            "{\"op\":\"or\",\"args\":[{\"op\":\"<\",\"args\":[{\"property\":\"datetime\"},{\"date\":\"2015-01-01\"}]},"
                + "{\"op\":\">\",\"args\":[{\"property\":\"datetime\"},{\"date\":\"2025-06-01\"}]}]}"},
        {"datetime BETWEEN TIMESTAMP('2018-01-01T00:00:00Z') AND TIMESTAMP('2018-03-01T00:00:00Z')",
            "{\"op\":\"between\",\"args\":[{\"property\":\"datetime\"},{\"timestamp\":\"2018-01-01T00:00:00Z\"},{\"timestamp\":\"2018-03-01T00:00:00Z\"}]}"},
        {"platform = 'alos-2' AND sar:instrument_mode = 'HBQ'",
            "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"platform\"},\"alos-2\"]},"
                + "{\"op\":\"=\",\"args\":[{\"property\":\"sar:instrument_mode\"},\"HBQ\"]}]}"},
        {"platform = 'sentinel-1a' OR TRUE AND sat:orbit_state = 'ascending'",
            "{\"op\":\"or\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"platform\"},\"sentinel-1a\"]},"
                + "{\"op\":\"and\",\"args\":[true,{\"op\":\"=\",\"args\":[{\"property\":\"sat:orbit_state\"},\"ascending\"]}]}]}"},
    };
}
