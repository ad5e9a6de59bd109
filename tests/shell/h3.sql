-- exit: 1
.load dist/extensions/h3.wasm
-- Translated from isaacbrodsky/h3-duckdb test/sql/h3/*.test (de5de2f): DuckDB lists as JSON arrays,
-- booleans as 1/0, ::ubigint/::bigint casts dropped (SQLite integers are signed 64-bit).
-- hierarchy.test
SELECT h3_cell_to_parent(586265647244115967, 1);
-- => 581764796395814911
SELECT h3_cell_to_parent(586265647244115967, 1);
-- => 581764796395814911
SELECT h3_cell_to_parent('822d57fffffffff', 1);
-- => 812d7ffffffffff
SELECT h3_cell_to_parent(586265647244115967, -1);
-- =>
SELECT h3_cell_to_parent(586265647244115967, -1);
-- =>
SELECT h3_cell_to_parent('822d57fffffffff', -1);
-- =>
SELECT h3_cell_to_parent(NULL, 0);
-- =>
SELECT h3_cell_to_center_child(586265647244115967, 4);
-- => 595272305332977663
SELECT h3_cell_to_center_child(586265647244115967, 4);
-- => 595272305332977663
SELECT h3_cell_to_center_child('822d57fffffffff', 4);
-- => 842d501ffffffff
SELECT h3_cell_to_center_child(586265647244115967, 0);
-- =>
SELECT h3_cell_to_center_child(586265647244115967, 0);
-- =>
SELECT h3_cell_to_center_child('822d57fffffffff', 0);
-- =>
select h3_cell_to_children(586265647244115967, 3);
-- => [590768765835149311,590768834554626047,590768903274102783,590768971993579519,590769040713056255,590769109432532991,590769178152009727]
select h3_cell_to_children(586265647244115967, 3);
-- => [590768765835149311,590768834554626047,590768903274102783,590768971993579519,590769040713056255,590769109432532991,590769178152009727]
select h3_cell_to_children('822d57fffffffff', 3);
-- => ["832d50fffffffff","832d51fffffffff","832d52fffffffff","832d53fffffffff","832d54fffffffff","832d55fffffffff","832d56fffffffff"]
select h3_cell_to_children(586265647244115967, 30);
-- =>
select h3_cell_to_children(586265647244115967, 30);
-- =>
select h3_cell_to_children('822d57fffffffff', 30);
-- =>
select h3_cell_to_children_size(586265647244115967, 3);
-- => 7
select h3_cell_to_children_size(586265647244115967, 3);
-- => 7
select h3_cell_to_children_size('822d57fffffffff', 3);
-- => 7
select h3_cell_to_children_size('822d57fffffffff', 4);
-- => 49
select h3_cell_to_children_size(586265647244115967, 30);
-- =>
select h3_cell_to_children_size(586265647244115967, 30);
-- =>
select h3_cell_to_children_size('822d57fffffffff', 30);
-- =>
select h3_cell_to_child_pos(597563343967879167, 1);
-- => 70
select h3_cell_to_child_pos(597563343967879167, 1);
-- => 70
select h3_cell_to_child_pos('84af8b1ffffffff', 1);
-- => 70
select h3_cell_to_child_pos(597563343967879167, 100);
-- =>
select h3_cell_to_child_pos(597563343967879167, 100);
-- =>
select h3_cell_to_child_pos('84af8b1ffffffff', 100);
-- =>
select h3_child_pos_to_cell(70, 584056178628100095, 4);
-- => 597563343967879167
select h3_child_pos_to_cell(70, 584056178628100095, 4);
-- => 597563343967879167
select h3_child_pos_to_cell(70, '81afbffffffffff', 4);
-- => 84af8b1ffffffff
select h3_child_pos_to_cell(70, 584056178628100095, -1);
-- =>
select h3_child_pos_to_cell(70, 584056178628100095, -1);
-- =>
select h3_child_pos_to_cell(70, '81afbffffffffff', -1);
-- =>
-- indexing.test
SELECT h3_latlng_to_cell(0, 0, -1);
-- =>
SELECT h3_latlng_to_cell(0, 0, 1);
-- => 583031433791012863
SELECT h3_latlng_to_cell(37.7752702151959, NULL, 9);
-- =>
SELECT h3_latlng_to_cell_string(0, 0, -1);
-- =>
SELECT h3_latlng_to_cell_string(0, 0, 1);
-- => 81757ffffffffff
SELECT h3_latlng_to_cell_string(37.7752702151959, NULL, 9);
-- =>
SELECT h3_latlng_to_cell_string(37.7752702151959, -122.418307270836, 9);
-- => 8928308280fffff
SELECT printf('%!.17g', h3_cell_to_lat(h3_string_to_h3('85283473fffffff'))), printf('%!.17g', h3_cell_to_lng(h3_string_to_h3('85283473fffffff')));
-- => 37.34579337536848|-121.9763759725512
SELECT printf('%!.17g', h3_cell_to_lat(h3_string_to_h3('85283473fffffff'))), printf('%!.17g', h3_cell_to_lng(h3_string_to_h3('85283473fffffff')));
-- => 37.34579337536848|-121.9763759725512
SELECT printf('%!.17g', h3_cell_to_lat('85283473fffffff')), printf('%!.17g', h3_cell_to_lng('85283473fffffff'));
-- => 37.34579337536848|-121.9763759725512
SELECT h3_cell_to_lat(h3_string_to_h3('ffffffffffffffff')), h3_cell_to_lng(h3_string_to_h3('ffffffffffffffff'));
-- => |
SELECT h3_cell_to_latlng(h3_string_to_h3('ffffffffffffffff'));
-- =>
SELECT h3_cell_to_boundary_wkt(h3_string_to_h3('822d57fffffffff'));
-- => POLYGON ((38.777546 44.198571, 39.938746 42.736298, 42.150674 42.631271, 43.258395 44.047542, 42.146575 45.539505, 39.897167 45.559577, 38.777546 44.198571))
SELECT h3_cell_to_boundary_wkt(h3_string_to_h3('822d57fffffffff'));
-- => POLYGON ((38.777546 44.198571, 39.938746 42.736298, 42.150674 42.631271, 43.258395 44.047542, 42.146575 45.539505, 39.897167 45.559577, 38.777546 44.198571))
SELECT h3_cell_to_boundary_wkt(h3_string_to_h3('fffffffffffffff'));
-- =>
SELECT h3_cell_to_boundary_wkt('822d57fffffffff');
-- => POLYGON ((38.777546 44.198571, 39.938746 42.736298, 42.150674 42.631271, 43.258395 44.047542, 42.146575 45.539505, 39.897167 45.559577, 38.777546 44.198571))
SELECT h3_cell_to_boundary_wkt('zzz');
-- =>
-- inspection.test
SELECT h3_get_resolution(586265647244115967);
-- => 2
SELECT h3_get_resolution(586265647244115967);
-- => 2
SELECT h3_get_resolution('822d57fffffffff');
-- => 2
SELECT h3_get_index_digit('822d57fffffffff', 1);
-- => 5
SELECT h3_get_index_digit('822d57fffffffff', 2);
-- => 2
SELECT h3_get_index_digit('822d57fffffffff', -1);
-- =>
SELECT h3_get_index_digit('822d57fffffffff', 3);
-- => 7
SELECT h3_get_index_digit('822d57fffffffff', 20);
-- =>
SELECT h3_is_valid_index(586265647244115967);
-- => 1
SELECT h3_is_valid_index(586265647244115967);
-- => 1
SELECT h3_is_valid_index('85283473fffffff');
-- => 1
SELECT h3_is_valid_index(1234);
-- => 0
SELECT h3_is_valid_index(1234);
-- => 0
SELECT h3_is_valid_index('1234');
-- => 0
SELECT h3_is_valid_index('115283473fffffff');
-- => 1
SELECT h3_is_valid_cell(586265647244115967);
-- => 1
SELECT h3_is_valid_cell(586265647244115967);
-- => 1
SELECT h3_is_valid_cell('85283473fffffff');
-- => 1
SELECT h3_is_valid_cell(1234);
-- => 0
SELECT h3_is_valid_cell(1234);
-- => 0
SELECT h3_is_valid_cell('1234');
-- => 0
SELECT h3_is_valid_cell('115283473fffffff');
-- => 0
SELECT h3_string_to_h3(',,,,,');
-- =>
SELECT h3_h3_to_string(10000000000000000), h3_h3_to_string(1);
-- => 2386f26fc10000|1
SELECT h3_h3_to_string(10000000000000000), h3_h3_to_string(1);
-- => 2386f26fc10000|1
-- misc.test
SELECT h3_get_num_cells(0);
-- => 122
SELECT h3_get_num_cells(5);
-- => 2016842
SELECT h3_get_num_cells(-1);
-- =>
-- traversal.test
select h3_max_grid_disk_size(0);
-- => 1
select h3_max_grid_disk_size(1);
-- => 7
select h3_max_grid_disk_size(2);
-- => 19
select h3_grid_disk(586265647244115967, 1);
-- => [586265647244115967,586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191,586267846267371519]
select h3_grid_disk(586265647244115967, 1);
-- => [586265647244115967,586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191,586267846267371519]
select h3_grid_disk_distances(586265647244115967, 1);
-- => [[586265647244115967],[586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191,586267846267371519]]
select h3_grid_disk_distances(586265647244115967, 1);
-- => [[586265647244115967],[586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191,586267846267371519]]
select h3_grid_disk(594615896891195391, 1);
-- => [594615939840868351,594615948430802943,594615896891195391,594615914071064575,594615922660999167,594615931250933759]
select h3_grid_disk(594615896891195391, 1);
-- => [594615939840868351,594615948430802943,594615896891195391,594615914071064575,594615922660999167,594615931250933759]
select h3_grid_disk(594615896891195391, -1);
-- =>
select h3_grid_disk(594615896891195391, -1);
-- =>
select h3_grid_disk_distances(594615896891195391, 1);
-- => [[594615896891195391],[594615939840868351,594615948430802943,594615914071064575,594615922660999167,594615931250933759]]
select h3_grid_disk_distances(594615896891195391, 1);
-- => [[594615896891195391],[594615939840868351,594615948430802943,594615914071064575,594615922660999167,594615931250933759]]
select h3_grid_disk_unsafe(586265647244115967, 1);
-- => [586265647244115967,586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191,586267846267371519]
select h3_grid_disk_unsafe(586265647244115967, 1);
-- => [586265647244115967,586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191,586267846267371519]
select h3_grid_disk_distances_unsafe(586265647244115967, 1);
-- => [[586265647244115967],[586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191,586267846267371519]]
select h3_grid_disk_distances_unsafe(586265647244115967, 1);
-- => [[586265647244115967],[586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191,586267846267371519]]
select h3_grid_disk_unsafe(594615896891195391, 1);
-- =>
select h3_grid_disk_unsafe(594615896891195391, 1);
-- =>
select h3_grid_disk_distances_unsafe(594615896891195391, 2);
-- =>
select h3_grid_disk_distances_unsafe(594615896891195391, 2);
-- =>
select h3_grid_disk_distances_safe(594615896891195391, 2);
-- => [[594615896891195391],[594615922660999167,594615939840868351,594615914071064575,594615931250933759,594615948430802943],[594616317797990399,594616154589233151,594616197538906111,594616266258382847,594616077279821823,594616352157728767,594616257668448255,594616068689887231,594616137409363967,594616180359036927]]
select h3_grid_disk_distances_safe(594615896891195391, 2);
-- => [[594615896891195391],[594615922660999167,594615939840868351,594615914071064575,594615931250933759,594615948430802943],[594616317797990399,594616154589233151,594616197538906111,594616266258382847,594616077279821823,594616352157728767,594616257668448255,594616068689887231,594616137409363967,594616180359036927]]
select h3_grid_ring(594615896891195391, 1);
-- => [594615939840868351,594615948430802943,594615914071064575,594615922660999167,594615931250933759]
select h3_grid_ring(594615896891195391, 1);
-- => [594615939840868351,594615948430802943,594615914071064575,594615922660999167,594615931250933759]
select h3_grid_ring(586265647244115967, 1);
-- => [586267846267371519,586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191]
select h3_grid_ring(586265647244115967, 1);
-- => [586267846267371519,586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191]
select h3_grid_ring(577832942814887935, 1);
-- => [578149602163687423,577692205326532607,577234808489377791,577516283466088447,578290339652042751]
select h3_grid_ring(577832942814887935, 1);
-- => [578149602163687423,577692205326532607,577234808489377791,577516283466088447,578290339652042751]
select h3_grid_ring_unsafe(594615896891195391, 1);
-- =>
select h3_grid_ring_unsafe(594615896891195391, 1);
-- =>
select h3_grid_ring_unsafe(586265647244115967, 1);
-- => [586267846267371519,586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191]
select h3_grid_ring_unsafe(586265647244115967, 1);
-- => [586267846267371519,586260699441790975,586244756523188223,586245306279002111,586266196999929855,586264547732488191]
select h3_grid_disk('822d57fffffffff', 1);
-- => ["822d57fffffffff","822d0ffffffffff","822c27fffffffff","822c2ffffffffff","822d5ffffffffff","822d47fffffffff","822d77fffffffff"]
select h3_grid_disk_distances('822d57fffffffff', 1);
-- => [["822d57fffffffff"],["822d0ffffffffff","822c27fffffffff","822c2ffffffffff","822d5ffffffffff","822d47fffffffff","822d77fffffffff"]]
select h3_grid_disk('8408001ffffffff', 1);
-- => ["840800bffffffff","840800dffffffff","8408001ffffffff","8408005ffffffff","8408007ffffffff","8408009ffffffff"]
select h3_grid_disk('8408001ffffffff', -1);
-- =>
select h3_grid_disk_distances('8408001ffffffff', 1);
-- => [["8408001ffffffff"],["840800bffffffff","840800dffffffff","8408005ffffffff","8408007ffffffff","8408009ffffffff"]]
select h3_grid_disk_unsafe('822d57fffffffff', 1);
-- => ["822d57fffffffff","822d0ffffffffff","822c27fffffffff","822c2ffffffffff","822d5ffffffffff","822d47fffffffff","822d77fffffffff"]
select h3_grid_disk_distances_unsafe('822d57fffffffff', 1);
-- => [["822d57fffffffff"],["822d0ffffffffff","822c27fffffffff","822c2ffffffffff","822d5ffffffffff","822d47fffffffff","822d77fffffffff"]]
select h3_grid_disk_unsafe('8408001ffffffff', 1);
-- =>
select h3_grid_disk_distances_unsafe('8408001ffffffff', 2);
-- =>
select h3_grid_disk_distances_safe('8408001ffffffff', 2);
-- => [["8408001ffffffff"],["8408007ffffffff","840800bffffffff","8408005ffffffff","8408009ffffffff","840800dffffffff"],["8408063ffffffff","840803dffffffff","8408047ffffffff","8408057ffffffff","840802bffffffff","840806bffffffff","8408055ffffffff","8408029ffffffff","8408039ffffffff","8408043ffffffff"]]
select h3_grid_ring('8408001ffffffff', 1);
-- => ["840800bffffffff","840800dffffffff","8408005ffffffff","8408007ffffffff","8408009ffffffff"]
select h3_grid_ring('822d57fffffffff', 1);
-- => ["822d77fffffffff","822d0ffffffffff","822c27fffffffff","822c2ffffffffff","822d5ffffffffff","822d47fffffffff"]
select h3_grid_ring('804dfffffffffff', 1);
-- => ["805ffffffffffff","8045fffffffffff","802bfffffffffff","803bfffffffffff","8067fffffffffff"]
select h3_grid_ring_unsafe('8408001ffffffff', 1);
-- =>
select h3_grid_ring_unsafe('822d57fffffffff', 1);
-- => ["822d77fffffffff","822d0ffffffffff","822c27fffffffff","822c2ffffffffff","822d5ffffffffff","822d47fffffffff"]
select h3_grid_path_cells(605035864166236159, 605034941150920703);
-- => [605035864166236159,605035861750317055,605035861347663871,605035862018752511,605034941419356159,605034941150920703]
select h3_grid_path_cells(605035864166236159, 605034941150920703);
-- => [605035864166236159,605035861750317055,605035861347663871,605035862018752511,605034941419356159,605034941150920703]
select h3_grid_path_cells(605035864166236159, 0);
-- =>
select h3_grid_path_cells(605035864166236159, 0);
-- =>
select h3_grid_path_cells('86584e9afffffff', '8658412c7ffffff');
-- => ["86584e9afffffff","86584e91fffffff","86584e907ffffff","86584e92fffffff","8658412d7ffffff","8658412c7ffffff"]
select h3_grid_path_cells('86584e9afffffff', '0');
-- =>
select h3_grid_path_cells('0', '86584e9afffffff');
-- =>
select h3_grid_distance(605035864166236159, 605034941150920703);
-- => 5
select h3_grid_distance(605035864166236159, 605034941150920703);
-- => 5
select h3_grid_distance(605035864166236159, 0);
-- =>
select h3_grid_distance(605035864166236159, 0);
-- =>
select h3_grid_distance('86584e9afffffff', '8658412c7ffffff');
-- => 5
select h3_grid_distance('86584e9afffffff', '0');
-- =>
select h3_grid_distance('0', '86584e9afffffff');
-- =>
-- from the list_transform / printf cases of indexing.test
select h3_cell_to_latlng(h3_string_to_h3('85283473fffffff')), h3_cell_to_latlng('85283473fffffff');
-- => [37.34579337536848,-121.9763759725512]|[37.34579337536848,-121.9763759725512]
select h3_cell_to_latlng(h3_string_to_h3('ffffffffffffffff')) is null, h3_string_to_h3('ffffffffffffffff');
-- => 1|-1
select printf('%x', h3_latlng_to_cell(37.7752702151959, -122.418307270836, 9));
-- => 8928308280fffff
-- README example
select h3_cell_to_latlng('822d57fffffffff') = h3_cell_to_latlng(586265647244115967), h3_h3_to_string(586265647244115967);
-- => 1|822d57fffffffff
-- h3-duckdb issue #140 (children of the res 5 cell of 51.477928, -0.001545)
select json_array_length(h3_cell_to_children(h3_latlng_to_cell(51.477928, -0.001545, 5), 6)), h3_cell_to_children(h3_latlng_to_cell(51.477928, -0.001545, 5), 6) ->> 0;
-- => 7|603927295928827903
-- extra functions, NULLs and bad input
select h3_is_pentagon('8408001ffffffff'), h3_is_pentagon('822d57fffffffff'), h3_is_res_class_iii('822d57fffffffff'), h3_is_res_class_iii('85283473fffffff'), h3_get_num_cells(0), h3_get_num_cells(15), h3_get_num_cells(16);
-- => 1|0|0|1|122|569707381193162|
select h3_are_neighbor_cells('822d57fffffffff', '822d0ffffffffff'), h3_are_neighbor_cells('822d57fffffffff', '822d57fffffffff'), h3_are_neighbor_cells('822d57fffffffff', '812d7ffffffffff') is null;
-- => 1|0|1
select h3_grid_distance('822d57fffffffff', '822d57fffffffff'), h3_grid_disk('822d57fffffffff', 0), h3_grid_ring('822d57fffffffff', 0);
-- => 0|["822d57fffffffff"]|["822d57fffffffff"]
select h3_latlng_to_cell(NULL, 0, 1) is null, h3_latlng_to_cell(0, 0, NULL) is null, h3_latlng_to_cell(0, 0, 16) is null, h3_latlng_to_cell_string(0, 0, 0);
-- => 1|1|1|8075fffffffffff
select h3_cell_to_lat(NULL) is null, h3_cell_to_parent(NULL, 1) is null, h3_grid_disk(NULL, 1) is null, h3_grid_disk('822d57fffffffff', NULL) is null, h3_is_valid_cell(NULL) is null, h3_h3_to_string(NULL) is null, h3_string_to_h3(NULL) is null;
-- => 1|1|1|1|1|1|1
select h3_is_valid_cell(cast(x'ff' as text)), h3_cell_to_lat(cast(x'ff' as text)) is null, h3_string_to_h3(cast(x'ff' as text)) is null, h3_is_valid_cell(1.5);
-- => 0|1|1|0
select h3_string_to_h3(' 0x822d57fffffffff'), h3_string_to_h3('822d57fffffffffzz'), h3_h3_to_string(-1);
-- => 586265647244115967|586265647244115967|ffffffffffffffff
select h3_cell_to_children('8001fffffffffff', 15);
-- !! Runtime error near line 328: h3_cell_to_children(): 4747561509943 cells are too many (at most 10000000)
select h3_grid_disk('822d57fffffffff', 100000);
-- !! Runtime error near line 330: h3_grid_disk(): 30000300001 cells are too many (at most 10000000)
select h3_latlng_to_cell(0, 0);
-- !! Parse error near line 332: wrong number of arguments to function h3_latlng_to_cell()
-- !!   select h3_latlng_to_cell(0, 0);
-- !!          ^--- error here
-- deterministic: usable in a generated column
create table g(lat real, lng real, c int as (h3_latlng_to_cell(lat, lng, 9)));
insert into g values (37.7752702151959, -122.418307270836);
select h3_h3_to_string(c) from g;
-- => 8928308280fffff
