# Writes a C++ source defining `const char* const NAMESPACE::SYMBOL` with the text of INPUT.
# cmake -DINPUT=... -DOUTPUT=... -DNAMESPACE=... -DSYMBOL=... -P EmbedText.cmake
file(READ "${INPUT}" text)
set(content "// Generated from ${INPUT} by EmbedText.cmake. Do not edit.
namespace ${NAMESPACE} {
extern const char* const ${SYMBOL};
const char* const ${SYMBOL} = R\"__text__(${text})__text__\";
}
")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
