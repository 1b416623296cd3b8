#pragma once

#include "apps/organizer/MapEdit.h"
#include "domain/Problem.h"
#include "domain/SeatMap.h"

#include <QObject>
#include <QString>
#include <QUndoStack>
#include <functional>
#include <optional>
#include <vector>

namespace ticketing::organizer {

struct SectionEdit;

// What an edit changed, for the views to re-sync only that (Tiled's Document signals).
struct MapChange
{
    bool structural = false;   // sections were added, removed or reordered: every index may move
    std::vector<int> sections; // when not structural: the sections whose content changed
    bool stage = false;
};

// The venue being designed (in the shape of Tiled's Document, STYLE.md): owns the seat map, the
// undo stack and the selection, and announces every change. Every edit goes through edit(): it
// becomes one QUndoCommand that records the sections it changed, before and after, so undo and
// redo give back exactly the map that was (no floating-point drift from inverse operations).
// Edits made with the same non-zero merge key one after another (the moves of one drag, the keys
// typed into one field) merge into one step. Validation (common/domain, the server's own rules)
// runs after the edits of an event-loop turn, or when asked.
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const domain::SeatMap& map() const { return m_map; }
    QUndoStack* undoStack() { return &m_undo; }

    // Changes the map through `change`, which may also say what is selected after it; recorded
    // as one undoable step named `text`. False when nothing changed (no step is recorded).
    using Change = std::function<void(domain::SeatMap&, Selection&)>;
    bool edit(const QString& text, const Change& change, int mergeKey = 0);
    // A key for a run of edits that should merge (one per drag, one per field being typed in).
    int newMergeKey() { return ++m_lastMergeKey; }
    // Ends the running merges: the next edit starts a new step even with the same key.
    void closeMerges();

    // A new map (opened, imported, generated): the undo history starts again.
    void reset(domain::SeatMap map);

    const Selection& selection() const { return m_selection; }
    void setSelection(Selection selection);

    // The problems that domain::validateSeatMap finds, with their paths ("seat_map.sections[0]
    // .key"); computed when first asked after a change.
    const std::vector<domain::FieldError>& problems();

    bool isModified() const { return !m_undo.isClean(); }
    void setSaved() { m_undo.setClean(); }

Q_SIGNALS:
    void changed(const ticketing::organizer::MapChange& change);
    void selectionChanged();
    // After the edits of an event-loop turn: problems() may say something else now.
    void problemsChanged();

private:
    friend class MapCommand;
    // The command's way in: puts the recorded state after (`forward`) or before the edit, and
    // announces it.
    void applyEdit(const struct SectionEdit& edit, bool forward, const Selection& selection);
    void scheduleValidation();
    Selection validSelection(Selection selection) const;

    domain::SeatMap m_map;
    QUndoStack m_undo;
    Selection m_selection;
    std::vector<domain::FieldError> m_problems;
    bool m_problemsDirty = true;
    bool m_validationScheduled = false;
    int m_lastMergeKey = 0;
};

} // namespace ticketing::organizer
