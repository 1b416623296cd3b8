// The library that carries the translations as resources (see CMakeLists.txt); its code is
// client::installTranslations() in common/client.
namespace ticketing::translations {
int anchor()
{
    return 0;
}
} // namespace ticketing::translations
