#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace ticketing::domain {

// Expected failures (sold out, bad input, a seat that is taken) are values, not exceptions:
// Result<T, E> holds either the value or the error. Exceptions stay for bugs and
// infrastructure. Small on purpose; std::expected is C++23 and boost::system::result wants an
// error_code-like E.
template <class E> struct Failure
{
    E error;
};

template <class E> Failure<std::decay_t<E>> fail(E&& error)
{
    return {std::forward<E>(error)};
}

template <class T, class E> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    template <class F>
    requires std::is_convertible_v<F, E> Result(Failure<F> failure)
        : m_data(std::in_place_index<1>, E(std::move(failure.error)))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    T& value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const E& error() const&
    {
        assert(!ok());
        return std::get<1>(m_data);
    }
    E&& error() &&
    {
        assert(!ok());
        return std::get<1>(std::move(m_data));
    }

private:
    std::variant<T, E> m_data;
};

} // namespace ticketing::domain
