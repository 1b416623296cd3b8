// Boost.Asio and Boost.Beast separate compilation: their implementation is compiled once here
// instead of in every translation unit that includes them (BOOST_ASIO_SEPARATE_COMPILATION and
// BOOST_BEAST_SEPARATE_COMPILATION are set on the target). Saves about a third of each TU.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
