# Writes a C++ source holding every server/sql/migrations/NNNN_name.sql as a Migration.
# Run at build time: cmake -DMIGRATIONS_DIR=... -DOUTPUT=... -P EmbedMigrations.cmake
file(GLOB files RELATIVE "${MIGRATIONS_DIR}" "${MIGRATIONS_DIR}/*.sql")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  if(NOT f MATCHES "^([0-9][0-9][0-9][0-9])_([a-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "migration file name ${f} is not NNNN_name.sql")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  file(READ "${MIGRATIONS_DIR}/${f}" sql)
  string(APPEND body "        {${version}, \"${name}\", R\"__sql__(${sql})__sql__\"},\n")
endforeach()
set(content "// Generated from server/sql/migrations by EmbedMigrations.cmake. Do not edit.
#include \"db/Migrations.h\"

namespace ticketing::db {

const std::vector<Migration>& builtinMigrations()
{
    static const std::vector<Migration> migrations = {
${body}    };
    return migrations;
}

} // namespace ticketing::db
")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
