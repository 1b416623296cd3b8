#include "apps/organizer/Actions.h"

#include <set>

namespace ticketing::organizer::actions {

namespace {
bool validSection(const domain::SeatMap& map, int section)
{
    return section >= 0 && section < static_cast<int>(map.sections.size());
}
} // namespace

std::vector<int> seatedSectionsOf(const domain::SeatMap& map, const Selection& selection)
{
    std::set<int> touched(selection.sections.begin(), selection.sections.end());
    for (const auto& ref : selection.seats)
        touched.insert(ref.section);
    std::vector<int> out;
    for (const int s : touched)
        if (validSection(map, s) &&
            map.sections[static_cast<std::size_t>(s)].kind == domain::SectionKind::Seated)
            out.push_back(s);
    return out;
}

bool labelRows(Document& document, edit::RowLabels style, bool fromBack)
{
    const auto sections = seatedSectionsOf(document.map(), document.selection());
    return !sections.empty() &&
           document.edit(QCoreApplication::translate("Actions", "Label rows"),
                         [&](domain::SeatMap& map, Selection&) {
                             for (const int s : sections)
                                 edit::labelRows(map.sections[static_cast<std::size_t>(s)], style,
                                                 fromBack);
                         });
}

bool numberSeats(Document& document, edit::Numbering numbering)
{
    const auto sections = seatedSectionsOf(document.map(), document.selection());
    return !sections.empty() &&
           document.edit(QCoreApplication::translate("Actions", "Number seats"),
                         [&](domain::SeatMap& map, Selection&) {
                             for (const int s : sections)
                                 edit::numberSeats(map.sections[static_cast<std::size_t>(s)],
                                                   numbering);
                         });
}

bool setAccessible(Document& document, bool accessible)
{
    const auto seats = edit::seatsOf(document.map(), document.selection());
    return !seats.empty() &&
           document.edit(accessible
                             ? QCoreApplication::translate("Actions", "Mark seats accessible")
                             : QCoreApplication::translate("Actions", "Unmark accessible seats"),
                         [&](domain::SeatMap& map, Selection&) {
                             edit::setAccessible(map, seats, accessible);
                         });
}

bool outlineSections(Document& document, double margin)
{
    const auto sections = seatedSectionsOf(document.map(), document.selection());
    return !sections.empty() &&
           document.edit(QCoreApplication::translate("Actions", "Outline sections"),
                         [&](domain::SeatMap& map, Selection&) {
                             for (const int s : sections)
                                 edit::outlineSection(map.sections[static_cast<std::size_t>(s)],
                                                      margin);
                         });
}

bool removeSelection(Document& document)
{
    if (document.selection().empty())
        return false;
    return document.edit(QCoreApplication::translate("Actions", "Delete"),
                         [&](domain::SeatMap& map, Selection& selection) {
                             edit::remove(map, selection);
                             selection = {};
                         });
}

bool align(Document& document, edit::Align how)
{
    const auto seats = edit::seatsOf(document.map(), document.selection());
    return seats.size() >= 2 &&
           document.edit(QCoreApplication::translate("Actions", "Align"),
                         [&](domain::SeatMap& map, Selection&) { edit::align(map, seats, how); });
}

bool distribute(Document& document, bool horizontally)
{
    const auto seats = edit::seatsOf(document.map(), document.selection());
    return seats.size() >= 3 && document.edit(QCoreApplication::translate("Actions", "Distribute"),
                                              [&](domain::SeatMap& map, Selection&) {
                                                  edit::distribute(map, seats, horizontally);
                                              });
}

bool nudge(Document& document, double dx, double dy)
{
    return !document.selection().empty() &&
           document.edit(QCoreApplication::translate("Actions", "Move"),
                         [&](domain::SeatMap& map, Selection& selection) {
                             edit::translate(map, selection, dx, dy);
                         });
}

bool rotateSelection(Document& document, double degrees)
{
    const auto centre = edit::centreOf(document.map(), document.selection());
    return centre && document.edit(QCoreApplication::translate("Actions", "Rotate"),
                                   [&](domain::SeatMap& map, Selection& selection) {
                                       edit::rotate(map, selection, *centre, degrees);
                                   });
}

bool paste(Document& document, const std::vector<domain::Section>& sections, double offset)
{
    return !sections.empty() &&
           document.edit(QCoreApplication::translate("Actions", "Paste"),
                         [&](domain::SeatMap& map, Selection& selection) {
                             const auto added = edit::paste(map, sections, offset, offset);
                             selection = {};
                             selection.sections.insert(added.begin(), added.end());
                         });
}

bool selectAll(Document& document)
{
    Selection all;
    for (int s = 0; s < static_cast<int>(document.map().sections.size()); ++s)
        all.sections.insert(s);
    all.stage = !document.map().stageOutline.empty();
    document.setSelection(all);
    return !all.empty();
}

bool setSectionKey(Document& document, int section, const std::string& key, int mergeKey)
{
    return validSection(document.map(), section) &&
           document.edit(
               QCoreApplication::translate("Actions", "Change a section's key"),
               [&](domain::SeatMap& map, Selection&) {
                   map.sections[static_cast<std::size_t>(section)].key = key;
               },
               mergeKey);
}

bool setSectionName(Document& document, int section, const std::string& name, int mergeKey)
{
    return validSection(document.map(), section) &&
           document.edit(
               QCoreApplication::translate("Actions", "Rename a section"),
               [&](domain::SeatMap& map, Selection&) {
                   map.sections[static_cast<std::size_t>(section)].name = name;
               },
               mergeKey);
}

bool setCapacity(Document& document, int section, int capacity, int mergeKey)
{
    return validSection(document.map(), section) &&
           document.edit(
               QCoreApplication::translate("Actions", "Change a standing area's places"),
               [&](domain::SeatMap& map, Selection&) {
                   map.sections[static_cast<std::size_t>(section)].capacity = capacity;
               },
               mergeKey);
}

bool setRowLabel(Document& document, int section, int row, const std::string& label, int mergeKey)
{
    if (!edit::validRef(document.map(), {section, row, 0}))
        return false;
    return document.edit(
        QCoreApplication::translate("Actions", "Change a row's label"),
        [&](domain::SeatMap& map, Selection&) {
            map.sections[static_cast<std::size_t>(section)]
                .rows[static_cast<std::size_t>(row)]
                .label = label;
        },
        mergeKey);
}

bool setSeatNumber(Document& document, const SeatRef& seat, int number, int mergeKey)
{
    return edit::validRef(document.map(), seat) &&
           document.edit(
               QCoreApplication::translate("Actions", "Change a seat's number"),
               [&](domain::SeatMap& map, Selection&) { edit::seatAt(map, seat).number = number; },
               mergeKey);
}

namespace {
// Everything drawn: every section and the stage.
std::optional<edit::Bounds> contentOf(const domain::SeatMap& map)
{
    Selection all;
    for (int s = 0; s < static_cast<int>(map.sections.size()); ++s)
        all.sections.insert(s);
    all.stage = !map.stageOutline.empty();
    return edit::boundsOf(map, all);
}
} // namespace

bool insertSeatedSection(Document& document, const InsertSettings& settings)
{
    return document.edit(
        QCoreApplication::translate("Actions", "Add a seated section"),
        [&](domain::SeatMap& map, Selection& selection) {
            const auto content = contentOf(map);
            edit::SectionSpec spec;
            spec.rows = settings.rows;
            spec.seatsPerRow = settings.seatsPerRow;
            spec.seatSpacing = settings.seatSpacing;
            spec.rowSpacing = settings.rowSpacing;
            spec.origin =
                content ? domain::Point{edit::rounded(content->right + 4 * settings.seatSpacing),
                                        edit::rounded(content->top)}
                        : domain::Point{0, 0};
            int number = 1;
            while (map.findSection("S" + std::to_string(number)))
                ++number;
            spec.key = "S" + std::to_string(number);
            spec.name =
                QCoreApplication::translate("Actions", "Section %1").arg(number).toStdString();
            map.sections.push_back(edit::seatedSection(spec));
            selection = {};
            selection.sections.insert(static_cast<int>(map.sections.size()) - 1);
        });
}

bool insertStandingArea(Document& document, const InsertSettings& settings)
{
    return document.edit(QCoreApplication::translate("Actions", "Add a standing area"),
                         [&](domain::SeatMap& map, Selection& selection) {
                             const auto content = contentOf(map);
                             const double left = content ? content->left : 0;
                             const double width =
                                 content ? std::max(content->right - left, 100.0) : 200;
                             const double top =
                                 content ? content->bottom + 3 * settings.rowSpacing : 0;
                             const double height = 6 * settings.rowSpacing;
                             map.sections.push_back(edit::standingSection(
                                 edit::freeKey(map, "GA"),
                                 QCoreApplication::translate("Actions", "Standing").toStdString(),
                                 {{left, top},
                                  {left + width, top},
                                  {left + width, top + height},
                                  {left, top + height}},
                                 settings.standingCapacity));
                             selection = {};
                             selection.sections.insert(static_cast<int>(map.sections.size()) - 1);
                         });
}

bool insertStage(Document& document)
{
    return document.edit(
        QCoreApplication::translate("Actions", "Draw the stage"),
        [&](domain::SeatMap& map, Selection& selection) {
            map.stageOutline.clear();
            const auto content = contentOf(map);
            const double left = content ? content->left : 0;
            const double right = content ? std::max(content->right, left + 100) : 200;
            const double top = content ? content->top : 0;
            const double inset = (right - left) * 0.2;
            map.stageOutline = {{edit::rounded(left + inset), edit::rounded(top - 60)},
                                {edit::rounded(right - inset), edit::rounded(top - 60)},
                                {edit::rounded(right - inset), edit::rounded(top - 20)},
                                {edit::rounded(left + inset), edit::rounded(top - 20)}};
            selection = {};
            selection.stage = true;
        });
}

} // namespace ticketing::organizer::actions
