# ticketing_warnings(target): the suite's warning set, applied per target so that third-party
# headers (included as SYSTEM by their imported targets) stay quiet.
function(ticketing_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor
                                           -Wimplicit-fallthrough)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wshadow=local)
  endif()
  # GCC 12 warns "-Wrestrict" inside libstdc++ for `"literal" + std::string` once inlined at
  # -O2 (GCC bug 105651, fixed in GCC 13): a false positive in the library, not in our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()

# Qt strictness for every target that links Qt (see STYLE.md).
function(ticketing_qt_strict target)
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_KEYWORDS
                                               QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()
