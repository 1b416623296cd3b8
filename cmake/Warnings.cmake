# ticketing_warnings(target): the suite's warning set, applied per target so that third-party
# headers (included as SYSTEM by their imported targets) stay quiet.
function(ticketing_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
                                           -Wnon-virtual-dtor -Wimplicit-fallthrough)
endfunction()

# Qt strictness for every target that links Qt (see STYLE.md).
function(ticketing_qt_strict target)
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_KEYWORDS
                                               QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()
