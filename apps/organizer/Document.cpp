#include "apps/organizer/Document.h"

#include <QTimer>
#include <map>

namespace ticketing::organizer {

using domain::Section;

// What one edit changed. Most edits change sections in place (a move, a renumbering): those are
// kept by index, before and after. One that adds or removes sections keeps the run of sections
// between the unchanged ones at either end, before and after.
struct SectionEdit
{
    bool structural = false;
    std::map<int, Section> before, after; // in place
    int start = 0;                        // structural: the first index of the run
    std::vector<Section> removed, added;  // structural: the run before and after
    std::optional<std::vector<domain::Point>> stageBefore, stageAfter;

    bool empty() const { return !structural && before.empty() && !stageBefore; }
};

// One undoable step. Merging (the same merge key, both in place) keeps the first state before
// and the last state after; a merged step that changes nothing is dropped.
class MapCommand : public QUndoCommand
{
public:
    MapCommand(Document& document, const QString& text, SectionEdit edit, Selection before,
               Selection after, int mergeKey)
        : QUndoCommand(text), m_document(document), m_edit(std::move(edit)),
          m_selectionBefore(std::move(before)), m_selectionAfter(std::move(after)),
          m_mergeKey(mergeKey)
    {
    }

    void redo() override { m_document.applyEdit(m_edit, true, m_selectionAfter); }
    void undo() override { m_document.applyEdit(m_edit, false, m_selectionBefore); }
    int id() const override { return m_mergeKey > 0 ? 1 : -1; }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const MapCommand*>(other);
        if (next->m_mergeKey != m_mergeKey || m_closed || m_edit.structural ||
            next->m_edit.structural)
            return false;
        for (const auto& [index, section] : next->m_edit.after) {
            if (!m_edit.before.count(index))
                m_edit.before[index] = next->m_edit.before.at(index);
            m_edit.after[index] = section;
        }
        if (next->m_edit.stageAfter) {
            if (!m_edit.stageBefore)
                m_edit.stageBefore = next->m_edit.stageBefore;
            m_edit.stageAfter = next->m_edit.stageAfter;
        }
        m_selectionAfter = next->m_selectionAfter;
        // Back where it started (a drag returned to its origin): no step at all.
        bool same = m_edit.before == m_edit.after && m_edit.stageBefore == m_edit.stageAfter;
        setObsolete(same);
        return true;
    }

    void close() { m_closed = true; }

private:
    Document& m_document;
    SectionEdit m_edit;
    Selection m_selectionBefore, m_selectionAfter;
    int m_mergeKey = 0;
    bool m_closed = false;
};

Document::Document(QObject* parent) : QObject(parent)
{
    m_undo.setUndoLimit(200);
}

Document::~Document()
{
    m_undo.clear(); // the commands refer to this document
}

bool Document::edit(const QString& text, const Change& change, int mergeKey)
{
    domain::SeatMap next = m_map;
    Selection selection = m_selection;
    change(next, selection);

    SectionEdit e;
    const auto& old = m_map.sections;
    const auto& now = next.sections;
    if (old.size() == now.size()) {
        for (std::size_t i = 0; i < old.size(); ++i)
            if (!(old[i] == now[i])) {
                e.before[static_cast<int>(i)] = old[i];
                e.after[static_cast<int>(i)] = now[i];
            }
    } else {
        e.structural = true;
        std::size_t prefix = 0;
        while (prefix < old.size() && prefix < now.size() && old[prefix] == now[prefix])
            ++prefix;
        std::size_t suffix = 0;
        while (suffix < old.size() - prefix && suffix < now.size() - prefix &&
               old[old.size() - 1 - suffix] == now[now.size() - 1 - suffix])
            ++suffix;
        e.start = static_cast<int>(prefix);
        e.removed.assign(old.begin() + static_cast<std::ptrdiff_t>(prefix),
                         old.end() - static_cast<std::ptrdiff_t>(suffix));
        e.added.assign(now.begin() + static_cast<std::ptrdiff_t>(prefix),
                       now.end() - static_cast<std::ptrdiff_t>(suffix));
    }
    if (m_map.stageOutline != next.stageOutline) {
        e.stageBefore = m_map.stageOutline;
        e.stageAfter = next.stageOutline;
    }
    if (e.empty()) {
        setSelection(std::move(selection));
        return false;
    }
    m_undo.push(
        new MapCommand(*this, text, std::move(e), m_selection, std::move(selection), mergeKey));
    return true;
}

void Document::closeMerges()
{
    if (m_undo.index() > 0)
        if (auto* last = const_cast<QUndoCommand*>(m_undo.command(m_undo.index() - 1)))
            static_cast<MapCommand*>(last)->close();
}

void Document::applyEdit(const SectionEdit& e, bool forward, const Selection& selection)
{
    MapChange change;
    change.structural = e.structural;
    if (e.structural) {
        const auto& out = forward ? e.removed : e.added;
        const auto& in = forward ? e.added : e.removed;
        auto& sections = m_map.sections;
        const auto at = sections.begin() + e.start;
        sections.erase(at, at + static_cast<std::ptrdiff_t>(out.size()));
        sections.insert(sections.begin() + e.start, in.begin(), in.end());
    } else {
        for (const auto& [index, section] : forward ? e.after : e.before) {
            m_map.sections[static_cast<std::size_t>(index)] = section;
            change.sections.push_back(index);
        }
    }
    if (e.stageBefore) {
        m_map.stageOutline = forward ? *e.stageAfter : *e.stageBefore;
        change.stage = true;
    }
    m_problemsDirty = true;
    Q_EMIT changed(change);
    setSelection(selection);
    scheduleValidation();
}

void Document::reset(domain::SeatMap map)
{
    m_undo.clear();
    m_map = std::move(map);
    m_problemsDirty = true;
    m_selection = {};
    Q_EMIT changed(MapChange{true, {}, true});
    Q_EMIT selectionChanged();
    scheduleValidation();
}

Selection Document::validSelection(Selection selection) const
{
    std::erase_if(selection.seats, [&](const SeatRef& r) { return !edit::validRef(m_map, r); });
    std::erase_if(selection.sections,
                  [&](int s) { return s < 0 || s >= static_cast<int>(m_map.sections.size()); });
    if (m_map.stageOutline.empty())
        selection.stage = false;
    return selection;
}

void Document::setSelection(Selection selection)
{
    selection = validSelection(std::move(selection));
    if (selection == m_selection)
        return;
    m_selection = std::move(selection);
    Q_EMIT selectionChanged();
}

const std::vector<domain::FieldError>& Document::problems()
{
    if (m_problemsDirty) {
        m_problems = domain::validateSeatMap(m_map);
        m_problemsDirty = false;
    }
    return m_problems;
}

void Document::scheduleValidation()
{
    if (m_validationScheduled)
        return;
    m_validationScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_validationScheduled = false;
        Q_EMIT problemsChanged();
    });
}

} // namespace ticketing::organizer
